// An issue's sending page in the admin. Without JavaScript the page shows the
// numbers of its load and the forms post as they are; with it:
// - a form marked data-send-once disables its button once submitted, so a
//   double click posts once (the server refuses a second send anyway);
// - while the issue is being sent, the progress is fetched every few seconds
//   from data-progress-url and written into every [data-count] and the bar.
(function () {
    "use strict";

    var EVERY_MS = 3000;

    document.querySelectorAll("form[data-send-once]").forEach(function (form) {
        form.addEventListener("submit", function () {
            form.querySelectorAll("button[type=submit]").forEach(function (button) {
                // After this tick, so that the browser still sends the form.
                window.setTimeout(function () {
                    button.disabled = true;
                    button.setAttribute("aria-disabled", "true");
                }, 0);
            });
        });
    });

    var section = document.querySelector("[data-progress-url]");
    if (!section || section.getAttribute("data-progress-state") !== "sending") {
        return;
    }
    var bar = section.querySelector("progress");

    function lookUp(data, path) {
        return path.split(".").reduce(function (value, key) {
            return value == null ? value : value[key];
        }, data);
    }

    function show(data) {
        section.querySelectorAll("[data-count]").forEach(function (node) {
            var value = lookUp(data, node.getAttribute("data-count"));
            if (typeof value === "number") {
                node.textContent = value.toLocaleString(document.documentElement.lang || undefined);
            }
        });
        if (bar) {
            bar.max = Math.max(data.recipients, 1);
            bar.value = data.done;
            bar.textContent = data.done + " / " + data.recipients;
        }
    }

    function poll() {
        fetch(section.getAttribute("data-progress-url"), {
            headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
            credentials: "same-origin",
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (data) {
                show(data);
                if (data.finished) {
                    // The page's state and forms change once sent: reload it.
                    window.location.reload();
                } else {
                    window.setTimeout(poll, EVERY_MS);
                }
            })
            .catch(function () {
                // A network blip or a lost session: try again, more slowly.
                window.setTimeout(poll, EVERY_MS * 5);
            });
    }

    window.setTimeout(poll, EVERY_MS);
})();
