// connect
const url = "stratum+tcp://pool.example:3333";
