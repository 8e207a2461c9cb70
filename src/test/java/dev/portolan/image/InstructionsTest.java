package dev.portolan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A history's "created by" reads as the Dockerfile line, as short as the docker CLI shows ids. */
class InstructionsTest {

    @Test
    void aCopiedFilesDigestIsShownToTwelveDigits() {
        assertEquals("COPY file:ff04f246488a in /srv/www/index.html", Instructions.readable("/bin/sh -c #(nop) COPY"
                + " file:ff04f246488a2b420002655fe121b4d9a8ca8bb636ff0597c3d0e4c8a1b2c3d4 in /srv/www/index.html "));
        assertEquals("ADD dir:0123456789ab in /app", Instructions.readable(
                "/bin/sh -c #(nop) ADD dir:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in /app"));
    }

    @Test
    void theShellPrefixesGo() {
        assertEquals("CMD [\"sh\"]", Instructions.readable("/bin/sh -c #(nop)  CMD [\"sh\"]"));
        assertEquals("RUN echo hi", Instructions.readable("/bin/sh -c echo hi"));
        assertEquals("RUN echo hi", Instructions.readable("RUN /bin/sh -c echo hi # buildkit"));
        assertEquals("RUN echo file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                Instructions.readable("/bin/sh -c echo file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
                "a RUN line is the user's own words, kept whole");
    }
}
