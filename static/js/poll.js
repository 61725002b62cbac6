// Votes in place: the form is sent with fetch and the poll box replaced by the
// server's answer. Without JavaScript the same form posts and the page reloads.
(function () {
    "use strict";

    function enhance(box) {
        var form = box.querySelector("[data-poll-form]");
        if (!form) {
            return;
        }
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var button = form.querySelector("button[type=submit]");
            if (button) {
                button.disabled = true;
            }
            fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { "X-Requested-With": "fetch" },
                credentials: "same-origin",
            })
                .then(function (response) {
                    // 400: the ballot needs fixing; 409: the poll closed
                    // meanwhile. Both answer with the poll box to show.
                    if (!response.ok && response.status !== 400 && response.status !== 409) {
                        throw new Error(String(response.status));
                    }
                    return response.text();
                })
                .then(function (html) {
                    var template = document.createElement("template");
                    template.innerHTML = html.trim();
                    var fresh = template.content.querySelector("[data-poll-box]");
                    if (!fresh) {
                        throw new Error("unexpected answer");
                    }
                    box.replaceWith(fresh);
                    enhance(fresh);
                    var focus = fresh.querySelector(".errorlist, .poll-box__status p");
                    if (focus) {
                        focus.setAttribute("tabindex", "-1");
                        focus.focus();
                    }
                })
                .catch(function () {
                    // Anything unexpected: send the form the plain way.
                    form.submit();
                });
        });
    }

    document.querySelectorAll("[data-poll-box]").forEach(enhance);
})();
