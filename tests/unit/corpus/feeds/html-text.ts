import { htmlToTextNode } from '../../../../lib/cli/html-article';

/** The HTML reader the CLI and the worker use (lib/page's, over linkedom). */
export const htmlToText = htmlToTextNode;
