// Bootstrap Italia loads its Titillium Web fonts from this path (served by the console).
window.__PUBLIC_PATH__ = '/static/bootstrap-italia/fonts';
