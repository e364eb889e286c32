/**
 * The desktop app's password prompt is the Workbook screen: a menu open or a double-click that
 * meets an encrypted workbook shows the screen's open form with the path filled in, asking for
 * the password there (a native dialog has no password field on every system).
 */

/** The Workbook screen's route asking for the password of `file` (OpenPanel reads `open`). */
export function passwordRoute(file: string): string {
  return `#/workbook?open=${encodeURIComponent(file)}`;
}

/**
 * `WorkbookActions`' `askPassword`: shows the form and answers "no password here", so the
 * action ends quietly (no message box) and the window takes over.
 */
export function askPasswordInWindow(
  showRoute: (hash: string) => void,
): (file: string) => Promise<string | null> {
  return (file) => {
    showRoute(passwordRoute(file));
    return Promise.resolve(null);
  };
}
