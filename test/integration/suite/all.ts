// Every integration suite, imported statically so it lands in the single test bundle.
// Add a line per suite file.
import './smoke.test';
