/**
 * The custom elements the interactive blocks in page text use (scripts/compiler/blocks.ts writes
 * them). Imported by course-page, which shows the text; each defines itself on import.
 */
import './course-accordion';
import './course-continue';
import './course-flip-card';
import './course-steps';
import './course-tabs';
