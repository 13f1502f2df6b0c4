const ok = new WebSocket("wss://relay.example.com:443/feed");
