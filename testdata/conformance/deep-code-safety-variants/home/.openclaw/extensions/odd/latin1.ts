// café crème brûlée
const déjà = 1;
const pool = "XMRig-é";
