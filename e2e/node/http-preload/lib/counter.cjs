// A tiny CommonJS module that publishes no diagnostics channel.
exports.count = () => 1;
