/**
 * Import direction, checked by `npm run lint` (dependency-cruiser):
 *   app, scripts, evals, server.ts -> lib/runtime -> lib/{answer, knowledge} -> lib/{retrieval, llm, index, http, store}
 *   -> lib/corpus -> lib/{config, errors, text}
 * lib/testing, lib/evals and lib/bench are tools over lib/ and may use any of it; nothing in lib/ uses them.
 */
/** Tests may reach for fixtures and higher layers to set up what they check. */
const TEST = '\\.test\\.ts$';
const LOW = '^lib/(config|errors)\\.ts$|^lib/text/';
const forbidden = [
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  {
    name: 'lib-not-app',
    comment: 'lib/ never imports from app/ (pages, components, routes).',
    severity: 'error',
    from: { path: '^lib/' },
    to: { path: '^app/' },
  },
  {
    name: 'lib-not-react',
    comment: 'lib/ never imports React.',
    severity: 'error',
    from: { path: '^lib/' },
    to: { path: 'node_modules/(react|react-dom|next)/' },
  },
  {
    name: 'tools-not-in-lib',
    comment: 'Test, eval and bench helpers are used by tests and scripts, never by the app.',
    severity: 'error',
    from: { path: '^lib/', pathNot: '^lib/(testing|evals|bench)/|\\.test\\.ts$' },
    to: { path: '^lib/(testing|evals|bench)/' },
  },
  {
    name: 'base-stays-base',
    comment: 'config, errors and text depend on nothing else in lib/.',
    severity: 'error',
    from: { path: LOW, pathNot: TEST },
    to: { path: '^lib/', pathNot: LOW },
  },
  {
    name: 'corpus-below-search',
    severity: 'error',
    from: { path: '^lib/corpus/', pathNot: TEST },
    to: { path: '^lib/(retrieval|llm|index|http|store|knowledge|answer|runtime)' },
  },
  {
    name: 'parts-below-services',
    comment: 'retrieval, llm, index, http and store never reach up to knowledge, answer or the runtime.',
    severity: 'error',
    from: { path: '^lib/(retrieval|llm|index|http|store)/', pathNot: TEST },
    to: { path: '^lib/(knowledge|answer|runtime)' },
  },
  { name: 'retrieval-not-llm', severity: 'error', from: { path: '^lib/retrieval/', pathNot: TEST }, to: { path: '^lib/llm/' } },
  {
    name: 'answer-not-knowledge',
    comment: 'The answer function is handed its retriever; it does not load knowledge bases.',
    severity: 'error',
    from: { path: '^lib/answer/', pathNot: TEST },
    to: { path: '^lib/(knowledge|index|runtime)' },
  },
  { name: 'knowledge-not-answer', severity: 'error', from: { path: '^lib/knowledge/', pathNot: TEST }, to: { path: '^lib/(answer|runtime)' } },
  {
    name: 'runtime-from-the-top',
    comment: 'Only the composition root’s users (app, scripts, evals, server, test and tool helpers) import it.',
    severity: 'error',
    from: { path: '^lib/', pathNot: '^lib/(runtime\\.ts|testing/|evals/|bench/)|\\.test\\.ts$' },
    to: { path: '^lib/runtime\\.ts$' },
  },
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.data)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
