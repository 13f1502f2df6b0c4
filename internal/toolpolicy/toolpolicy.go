// Package toolpolicy resolves which tools an agent may call: profiles, tool
// groups, allow and deny lists at every level, and the sandbox mode that
// applies to each agent. Several check families read it; none re-derive it.
package toolpolicy
