/** An encrypted workbook that the program started with, waiting for its password. */
export interface AwaitingPassword {
  path: string;
  /** The file name without `.kartoteka`. */
  name: string;
}
