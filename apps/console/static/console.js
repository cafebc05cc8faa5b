// Bootstrap Italia's script would load its fonts from this path; console.css declares them already.
window.__PUBLIC_PATH__ = '/static/bootstrap-italia/fonts';
