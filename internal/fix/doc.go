// Package fix is `security audit --fix`: it turns an installation's config
// and state snapshot into a plan of the reference's safe fixes (a few config
// values, the modes of sensitive files), shows the plan as a diff, or
// applies it.
//
// Applying is the only code in clawcheck that writes. Config edits change
// only the bytes of the values concerned, in the file that defines them,
// and are verified by re-parsing before an atomic rename; permission
// changes go through descriptors opened without following symlinks, and
// only ever remove bits. The package never rotates secrets, changes tools,
// exposure, plugins or skills, and writes nothing but the edited config
// files, their backups and the modes it lists.
package fix
