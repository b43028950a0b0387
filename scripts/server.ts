import { runServerCommand } from '../lib/server/server-main';

runServerCommand(process.argv.slice(2), process.env).then((code) => process.exit(code));
