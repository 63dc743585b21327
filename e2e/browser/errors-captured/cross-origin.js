// Loaded from another origin without CORS: the page only learns "Script error."
throw new TypeError('thrown by a cross-origin script');
