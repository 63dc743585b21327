window.stacks = {};
function capture(name, fn) { try { fn(); } catch (e) { window.stacks[name] = e.stack; } }
function namedThrower() { throw new Error('named'); }
capture('named', function outer() { namedThrower(); });
var obj = { method: function () { throw new TypeError('method'); } };
capture('method', function () { obj.method(); });
class Widget { constructor() { throw new RangeError('ctor'); } render() { null.x; } } // eslint-disable-line @typescript-eslint/no-unused-expressions
capture('constructor', () => new Widget());
capture('nullDeref', () => Widget.prototype.render.call({}));
capture('arrowAnonymous', () => [1].map(() => { throw new Error('in map'); }));
capture('eval', () => eval('(function evalInner() { throw new Error("in eval"); })()'));
capture('newFunction', () => new Function('a', 'b', 'throw new Error("in new Function")')(1, 2));
capture('webpack', () => eval('function wp() { throw new Error("webpack"); }\nwp();\n//# sourceURL=webpack:///./src/components/App.js?'));
capture('jsonReviver', () => JSON.parse('{"a":1}', function () { throw new SyntaxError('reviver'); }));
capture('nested', function level1() { (function level2() { (function () { throw new Error('nested anon'); })(); })(); });
async function asyncInner() { await null; throw new Error('async'); }
async function asyncOuter() { await asyncInner(); }
asyncOuter().catch((e) => { window.stacks.async = e.stack; });
var blob = new Blob(['window.blobThrow = function blobThrow() { throw new Error("blob"); };'], { type: 'text/javascript' });
var s = document.createElement('script'); s.src = URL.createObjectURL(blob);
s.onload = function () { capture('blob', function () { window.blobThrow(); }); };
document.head.appendChild(s);
capture('promiseThen', () => {}); 
Promise.resolve().then(function thenHandler() { throw new Error('in then'); }).catch((e) => { window.stacks.promiseThen = e.stack; });
setTimeout(function timerCb() { try { throw new Error('timer'); } catch (e) { window.stacks.timer = e.stack; } }, 0);
capture('domException', () => document.querySelector('<<bad'));
capture('withSpaces', () => eval('(function(){ throw new Error("spaces") })()\n//# sourceURL=http://127.0.0.1/my%20dir/my file.js'));
/* global window, document */
// The Chrome corpus of the stack parser (packages/browser/src/stack/chrome-stacks.json) was
// recorded from this file: keep the lines above byte for byte, their positions are in the corpus.
