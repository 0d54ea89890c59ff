/**
 * A run as a guide's numbered steps ({@link com.nusomi.recorder.export.steps.Steps}), its title block
 * ({@link com.nusomi.recorder.export.steps.GuideFacts}) and step pictures with the click ring
 * ({@link com.nusomi.recorder.export.steps.StepPicture}). Uses only the client's models: the exporters of
 * {@code export} build on it.
 */
package com.nusomi.recorder.export.steps;
