import { runCorpusCommand } from '../lib/server/corpus-main';

runCorpusCommand(process.argv.slice(2), process.env).then((code) => process.exit(code));
