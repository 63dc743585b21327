// Loaded as a classic script: throws while it runs, which only the global error handler sees.
throw new TypeError('thrown by thrower.js');
