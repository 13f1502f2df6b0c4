eval(x);
