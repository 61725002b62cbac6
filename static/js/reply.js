// One reaction form per page. Each « Reply » link names the thread it answers
// (?repondre=<id>#reply-form, which works without this script: the page comes
// back with the form set). Here the link fills the form in place instead.
(function () {
  var form = document.querySelector("[data-reply-form]");
  if (!form) return;
  var parent = form.querySelector("[data-reply-parent]");
  var notice = form.querySelector("[data-reply-notice]");
  var author = form.querySelector("[data-reply-author]");
  var text = form.querySelector("textarea[name=text]");

  function answer(id, name) {
    parent.value = id;
    author.textContent = name;
    notice.hidden = !id;
    form.scrollIntoView({ block: "center" });
    text.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply-to]");
    if (link) {
      event.preventDefault();
      answer(link.dataset.replyTo, link.dataset.replyAuthor);
    } else if (event.target.closest("[data-reply-cancel]")) {
      event.preventDefault();
      answer("", "");
    }
  });
})();
