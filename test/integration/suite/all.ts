// Every integration suite, imported statically so it lands in the single test bundle.
// Add a line per suite file.
import './smoke.test';
import './diagnostics.test';
import './editing.test';
import './codeActions.test';
import './hovers.test';
import './detection.test';
import './statusBar.test';
import './newPostmortem.test';
import './bench.test';
import './actionItems.test';
import './preview.test';
import './previewBench.test';
import './windowReload.test';
