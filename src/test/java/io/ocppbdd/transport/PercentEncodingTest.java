package io.ocppbdd.transport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 3986 percent-encoding of the identity path segment (Part 4 §3.1.1). */
class PercentEncodingTest {

    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource(delimiter = '|', value = {
            "CS001          | CS001",
            "RDAM 123       | RDAM%20123",
            "a+b            | a%2Bb",
            "a/b?c#d        | a%2Fb%3Fc%23d",
            "Zoë            | Zo%C3%AB",
            "unreserved-._~ | unreserved-._~",
            "100%           | 100%25"})
    void encodesAndDecodes(String identity, String encoded) {
        assertThat(PercentEncoding.encode(identity)).isEqualTo(encoded);
        assertThat(PercentEncoding.decode(encoded)).isEqualTo(identity);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"%zz", "%2", "50%", "a%g1"})
    void leavesBrokenEscapesAsTheyAre(String text) {
        assertThat(PercentEncoding.decode(text)).isEqualTo(text);
    }
}
