/* The console's only script: a chosen file's name beside our own file button (the page
   works without it, saying only that a file was chosen). */
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  var shown = input.parentElement && input.parentElement.querySelector(".file-name");
  if (shown) shown.textContent = input.files && input.files.length ? input.files[0].name : "";
});
