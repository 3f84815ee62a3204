// A submit button with data-confirm="Ta bort namnet?" asks before its form is sent: the inline onclick it replaces would be
// refused by the Content-Security-Policy. Without script the form is sent at once, as the button says.
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button[data-confirm]') : null;
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
