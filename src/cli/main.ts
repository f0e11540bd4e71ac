console.log('pmkit: not yet implemented');
