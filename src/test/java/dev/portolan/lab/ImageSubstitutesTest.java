package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which local image goes to a host in place of the one a lab names. */
class ImageSubstitutesTest {

    @Test
    void anImageWithASubstituteIsSentAsItAndOthersAsThemselves() {
        ImageSubstitutes substitutes = ImageSubstitutes.parse("busybox:1.36=portolan-test/busybox, nginx=local/nginx:1");
        assertEquals("portolan-test/busybox", substitutes.source("busybox:1.36"));
        assertEquals("local/nginx:1", substitutes.source("nginx"));
        assertEquals("alpine:3", substitutes.source("alpine:3"), "no substitute: the image itself");
        assertEquals("localhost:5000/app", substitutes.source("localhost:5000/app"), "a registry port is not a tag");
        assertEquals(ImageSubstitutes.NONE, ImageSubstitutes.parse(" , =x, y= "), "malformed pairs are ignored");
    }
}
