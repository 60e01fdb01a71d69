/**
 * Whether a file dialog opened from the toolbar popup can deliver its files. Firefox closes an
 * extension's popup as soon as a file dialog opens (the popup loses focus), so the files chosen
 * there reach no page and nothing is imported: in Firefox the popup offers the import in the
 * Library tab instead (components/library/ImportPanel.tsx). The one place that knows;
 * tests/firefox/firefox-specifics.test.ts checks the Firefox popup.
 */
export const POPUP_CAN_OPEN_FILE_DIALOG: boolean = !import.meta.env.FIREFOX;
