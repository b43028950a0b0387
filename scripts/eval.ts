// npm run eval: the MSRP figures; npm run eval -- --cross-outlet: the labelled real pages.
import { printCrossOutlet } from './eval/cross-outlet';
import { printMsrp } from './eval-msrp';

if (process.argv.includes('--cross-outlet')) printCrossOutlet();
else printMsrp();
