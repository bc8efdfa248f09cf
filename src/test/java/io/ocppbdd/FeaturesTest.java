package io.ocppbdd;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/**
 * Runs every feature in {@code features/} through Cucumber: {@code mvn test -Dtest=FeaturesTest}.
 * An undefined or pending step fails the run.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.ocppbdd.cucumber")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "summary, io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm")
public class FeaturesTest {
}
