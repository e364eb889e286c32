import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/** The screens a start address can open, by the module of each (see `early-calls.ts`). */
const FIRST_SCREENS = {
  today: '/renderer/src/features/today/TodayPage.tsx',
  clients: '/renderer/src/features/clients/ClientsPage.tsx',
  card: '/renderer/src/features/clients/ClientCard.tsx',
  brief: '/renderer/src/features/brief/MeetingBrief.tsx',
} as const;

/**
 * The start's first script (`src/early.ts`): a plain script of its own, not a module of the
 * bundle, put in the page right after its security policy. A plain script runs as soon as the
 * parser meets it; a module script (as it was) runs only after the page has been parsed and
 * waits its turn behind the parsing of every module the page preloads (measured: its calls went
 * out 150–250 ms after the page had arrived). Bundled by esbuild as one function with nothing to
 * import, and given the chunks each first screen needs (the screen's own and those it imports
 * beyond the main bundle's, and their styles), so it starts reading them too.
 */
function earlyScript(): Plugin {
  return {
    name: 'kartoteka-early-script',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (file: string, into = new Set<string>()) => {
        if (into.has(file)) return into;
        into.add(file);
        for (const next of byFile.get(file)?.imports ?? []) closure(next, into);
        return into;
      };
      const entry = chunks.find((c) => c.isEntry && c.name === 'index');
      if (!entry) throw new Error('the main entry is missing from the bundle');
      const main = closure(entry.fileName);
      const screens: Record<string, { scripts: string[]; styles: string[] }> = {};
      for (const [screen, module] of Object.entries(FIRST_SCREENS)) {
        const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
        if (!chunk) throw new Error(`the chunk of ${module} is missing from the bundle`);
        const files = [...closure(chunk.fileName)].filter((file) => !main.has(file));
        screens[screen] = {
          scripts: files.map((file) => `./${file}`),
          styles: files.flatMap((file) =>
            [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])].map((css) => `./${css}`),
          ),
        };
      }
      const built = await esbuild({
        entryPoints: [fileURLToPath(new URL('./src/early.ts', import.meta.url))],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        define: { FIRST_SCREEN_CHUNKS: JSON.stringify(screens) },
      });
      const code = built.outputFiles[0]!.text;
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
      const fileName = `assets/early-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') {
        throw new Error('index.html is missing from the bundle');
      }
      const policy = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/;
      if (!policy.test(html.source)) throw new Error('index.html has no security policy');
      html.source = html.source.replace(
        policy,
        (meta) => `${meta}\n    <script src="./${fileName}"></script>`,
      );
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
      input: { index: 'renderer/index.html' },
    },
  },
});
