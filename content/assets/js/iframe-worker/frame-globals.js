// The worker globals a script in the frame of stand-in.js expects: postMessage to the page
// that started it, and importScripts, which loads site files one after the other.
"use strict";
(() => {
  const page = window.parent;
  window.postMessage = (data) => page.postMessage(data, "*");
  window.importScripts = (...urls) => urls.reduce((done, url) => done.then(() =>
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.body.appendChild(script);
    })), Promise.resolve());
  // Material's worker finds its lunr files from the first script[src] in its document when
  // it runs in a frame: that must be the worker itself, not this file.
  document.currentScript.remove();
})();
