/* Runs inside the iframe that iframe-worker uses as a Web Worker on file:// (see VENDORED.md).
   Upstream writes these lines as an inline script that embeds the worker's URL; as a file they
   need no 'unsafe-inline' and no per-page hash in the offline copy's Content-Security-Policy.
   It comes after the worker's own script: Material's worker finds its folder from the first
   script[src], and it only calls these functions when the page sends it a message. */
window.postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
window.importScripts = function () {
  return Array.prototype.reduce.call(arguments, function (done, src) {
    return done.then(function () {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
window.addEventListener("error", function (event) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: document.body.dataset.worker, error: event.error }));
});
