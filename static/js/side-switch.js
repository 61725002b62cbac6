// On narrow screens, show one side of the debate at a time with a switch between
// them. Without this script both sides are simply stacked.
(function () {
  var switcher = document.querySelector("[data-side-switch]");
  if (!switcher) return;
  var buttons = switcher.querySelectorAll("button[aria-controls]");
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function show(id) {
    buttons.forEach(function (button) {
      var target = document.getElementById(button.getAttribute("aria-controls"));
      var active = button.getAttribute("aria-controls") === id;
      button.setAttribute("aria-pressed", active ? "true" : "false");
      target.hidden = narrow.matches && !active;
    });
  }

  var current = "side-" + switcher.dataset.default;
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      current = button.getAttribute("aria-controls");
      show(current);
    });
  });
  narrow.addEventListener("change", function () { show(current); });
  switcher.hidden = false;
  show(current);
})();
