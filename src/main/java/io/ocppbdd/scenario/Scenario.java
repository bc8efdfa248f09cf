package io.ocppbdd.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as read: the station it runs, its clock and its steps.
 *
 * @param virtualClock whether {@code wait} moves a virtual clock at once instead of waiting
 */
record Scenario(Path file, String name, String stationId, int evses, Map<String, String> variables,
                       boolean virtualClock, List<Step> steps) {
}
