/**
 * Styles of the injected UI, scoped by shadow roots. Colours follow the page's theme (set as
 * `data-theme` on the container) in DigestLens red, close to arXiv's own accent.
 */
const THEME = `
  .theme { --dl-fg: #1f2328; --dl-muted: #59636e; --dl-accent: #b31b1b; --dl-tint: rgba(179, 27, 27, 0.08);
    --dl-border: rgba(179, 27, 27, 0.35); --dl-panel: #fdfbfb; --dl-line: #e5e0e0; }
  .theme[data-theme="dark"] { --dl-fg: #e6edf3; --dl-muted: #9198a1; --dl-accent: #ff8a80; --dl-tint: rgba(255, 138, 128, 0.12);
    --dl-border: rgba(255, 138, 128, 0.4); --dl-panel: #161b22; --dl-line: #30363d; }
`;

export const BADGE_CSS = `
  :host { display: inline-block !important; vertical-align: middle !important; margin-left: 6px !important; }
  ${THEME}
  .badge { display: inline-flex; align-items: center; gap: 4px; font: 500 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif;
    padding: 0 6px; border-radius: 8px; white-space: nowrap; color: var(--dl-accent); background: var(--dl-tint);
    border: 1px solid var(--dl-border); cursor: default; }
  .badge.related { color: var(--dl-muted); background: transparent; border-style: dashed; border-color: var(--dl-line); font-weight: 400; }
  button.badge.related { cursor: pointer; }
  .related-list { font: 400 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--dl-muted); margin-left: 6px; white-space: normal; }
  .related-list[hidden] { display: none; }
  .related-list a { color: var(--dl-accent); text-decoration: none; }
  .related-list a:hover { text-decoration: underline; }
  .mark { font-size: 9px; }
  .action { font: 400 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif; margin-left: 3px; padding: 0 5px;
    border-radius: 8px; border: 1px solid var(--dl-line); background: transparent; color: var(--dl-muted); cursor: pointer; }
  .action:hover { color: var(--dl-accent); border-color: var(--dl-border); }
  .action[data-queued="true"], .action[data-noted="true"] { color: var(--dl-accent); border-color: var(--dl-border); background: var(--dl-tint); }
  .badge-wrap { display: inline-flex; align-items: center; }
`;

export const PANEL_CSS = `
  :host { display: block !important; }
  ${THEME}
  .panel { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--dl-fg); background: var(--dl-panel);
    border: 1px solid var(--dl-line); border-left: 3px solid var(--dl-accent); border-radius: 6px; padding: 10px 12px; margin: 12px 0; }
  h2 { font-size: 13px; font-weight: 600; margin: 0 0 6px; color: var(--dl-fg); }
  h2 .brand { color: var(--dl-accent); }
  ol { margin: 0; padding-left: 20px; }
  li { margin: 6px 0; }
  a { color: var(--dl-accent); text-decoration: none; }
  a:hover { text-decoration: underline; }
  .title { font-weight: 500; }
  .meta, .why, .empty { color: var(--dl-muted); font-size: 12px; }
  .term { display: inline-block; padding: 0 5px; margin: 1px 3px 1px 0; border-radius: 6px; background: var(--dl-tint); color: var(--dl-fg); }
  .links a { margin-right: 8px; font-size: 12px; }
  .head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
  button { font: inherit; font-size: 12px; color: var(--dl-accent); background: none; border: 1px solid var(--dl-border);
    border-radius: 6px; padding: 1px 8px; cursor: pointer; margin-top: 6px; }
  ol.compact li { margin: 2px 0; display: flex; align-items: baseline; gap: 8px; }
  ol.compact .title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .strength { display: inline-flex; align-items: center; gap: 4px; color: var(--dl-muted); font-size: 11px; white-space: nowrap; }
  .bar { display: inline-block; width: 24px; height: 4px; border-radius: 2px; background: var(--dl-line); overflow: hidden; }
  .bar::before { content: ""; display: block; height: 100%; background: var(--dl-accent); width: 33%; }
  .bar[data-level="good"]::before { width: 66%; }
  .bar[data-level="strong"]::before { width: 100%; }
  .panel[data-collapsed="true"] { padding: 6px 12px; }
`;

/** The bar of a note slot: "✎ Add a note" while collapsed, the label and ✕ while open. */
export const NOTE_BAR_CSS = `
  :host { display: block !important; }
  ${THEME}
  .theme { font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--dl-muted); margin: 6px 0 0; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
  .label { color: var(--dl-fg); font-weight: 600; }
  button { font: inherit; color: var(--dl-accent); background: none; border: 1px solid var(--dl-border); border-radius: 6px;
    padding: 1px 8px; cursor: pointer; }
  button.close { border-color: transparent; color: var(--dl-muted); font-size: 14px; line-height: 1; padding: 2px 6px; }
  button.close:hover, button.close:focus-visible { color: var(--dl-accent); border-color: var(--dl-border); }
`;

/** The light queue/note control of a paper that is not in the digests: faint until its entry is hovered or focused. */
export const ACTIONS_CSS = `
  ${BADGE_CSS}
  .actions { display: inline-flex; align-items: center; opacity: 0; transition: opacity 0.12s; }
  .actions[data-shown="true"], .actions:focus-within { opacity: 1; }
  .actions .action:first-child { margin-left: 0; }
`;

/** Controls that float in a corner of the page (the capture, the summary chip, the keyboard help). */
export const FLOATING_CSS = `
  :host { position: fixed !important; z-index: 2147483600 !important; bottom: 16px !important; display: block !important; }
  :host(digestlens-capture) { right: 16px !important; }
  :host(digestlens-summary) { left: 16px !important; }
  :host(digestlens-keys) { right: 16px !important; bottom: auto !important; top: 16px !important; }
  ${THEME}
  .floating { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--dl-fg); background: var(--dl-panel);
    border: 1px solid var(--dl-line); border-left: 3px solid var(--dl-accent); border-radius: 8px; padding: 8px 10px;
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.15); max-width: 360px; }
  .brand { color: var(--dl-accent); font-weight: 600; margin-right: 8px; font-size: 12px; }
  button { font: inherit; font-size: 12px; color: var(--dl-accent); background: none; border: 1px solid var(--dl-border);
    border-radius: 6px; padding: 1px 8px; cursor: pointer; }
  button.primary { background: var(--dl-tint); font-weight: 500; }
  button:disabled { opacity: 0.6; cursor: default; }
  .result { margin: 6px 0 0; font-size: 12px; color: var(--dl-muted); }
  .result:empty { display: none; }
  .result[data-ok="false"] { color: var(--dl-accent); }
  ol { margin: 6px 0 0; padding-left: 20px; max-height: 240px; overflow: auto; }
  li { margin: 3px 0; }
  li button { border: none; padding: 0; text-align: left; color: var(--dl-fg); }
  li button:hover { color: var(--dl-accent); text-decoration: underline; }
  .row { display: flex; align-items: center; gap: 6px; }
  .position { color: var(--dl-muted); font-size: 12px; }
  kbd { font: 600 11px/1 ui-monospace, monospace; border: 1px solid var(--dl-line); border-radius: 4px; padding: 2px 5px; margin-right: 6px; }
  dl { margin: 4px 0 0; } dt { display: inline; } dd { display: inline; margin: 0; } dd::after { content: ""; display: block; margin-bottom: 3px; }
`;

/** The outline of the paper the keyboard walk is on: on its title element, set through the style attribute (no page class). */
export const WALK_OUTLINE = { outline: '2px solid #b31b1b', 'outline-offset': '3px', 'border-radius': '3px' } as const;
