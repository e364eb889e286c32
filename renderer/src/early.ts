/**
 * The first script of the page, a few kilobytes: it asks the main process for the settings and
 * the first screen's answers and chunk at once, so they travel while the main bundle (React,
 * the translations) is still downloading and running.
 */
import { startFirstScreen } from './app/first-screen';

startFirstScreen();
