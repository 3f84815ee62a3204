// Starts Blazor from a file, not an inline script, so that the Content-Security-Policy can forbid inline script.
// Enhanced navigation replaces the page instead of patching it, so that script-driven elements such as the map start afresh.
Blazor.start({ ssr: { disableDomPreservation: true } });
