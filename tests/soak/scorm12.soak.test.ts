import { fullSoak } from './soak-test';

fullSoak('scorm12');
