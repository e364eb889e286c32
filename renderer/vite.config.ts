import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The start's first script (`src/early.ts`) as an entry of its own, put in the page before the
 * main bundle: module scripts run in the page's order, each as soon as its own few imports have
 * loaded, so the settings and the first screen's answers are asked for before React and the
 * translations have even been evaluated. (Two scripts in index.html would be bundled as one
 * entry, whose shared chunks, React's among them, run first.)
 */
function earlyScript(): Plugin {
  return {
    name: 'kartoteka-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'early',
        );
        if (!early) throw new Error('the early entry is missing from the bundle');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `./${early.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyScript()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: 'renderer/index.html', early: 'renderer/src/early.ts' },
    },
  },
});
