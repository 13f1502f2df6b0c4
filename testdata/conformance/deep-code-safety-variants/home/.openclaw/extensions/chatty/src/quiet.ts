const data = fs.readFileSync(p); // later we post the summary
