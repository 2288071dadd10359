import { LmsEmulator, type LmsEmulatorOptions } from '../../../src/preview/lms-emulator';
import { CourseDriver, courseFrame } from './course-driver';

/** A course frame in the LMS emulator with its driver. */
export interface EmulatedCourse {
  emulator: LmsEmulator;
  iframe: HTMLIFrameElement;
  course: CourseDriver;
}

/**
 * Registers the mocha hooks that give the describe block (`all`) or each test (`each`) a fresh
 * frame, emulator and driver, and remove them afterwards. The returned object's fields are replaced
 * by every setup: read them inside the tests, not when the describe block is defined.
 */
export function emulatedCourse(options: LmsEmulatorOptions, scope: 'all' | 'each' = 'all'): EmulatedCourse {
  const run = {} as EmulatedCourse;
  (scope === 'each' ? beforeEach : before)(() => {
    run.iframe = courseFrame();
    run.emulator = new LmsEmulator(options);
    run.course = new CourseDriver(run.iframe);
  });
  (scope === 'each' ? afterEach : after)(() => {
    run.emulator.dispose();
    run.iframe.remove();
  });
  return run;
}
