package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.testing.EngineTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An image's layers are inspected once per process: a second read of the engine lists its images and inspects none. */
class ImageLayerCacheIT extends EngineTest {

    @Test
    void aSecondReadTakesEachImagesLayersFromTheFirstAndTheyAreTheEnginesOwn() {
        ImageLayerCache.clear();
        AtomicInteger inspects = new AtomicInteger();
        DockerClient counting = countingImageInspects(engine.docker(), inspects);

        Map<String, ImageInfo> first = new InventoryReader(counting).images(Map.of());
        assertTrue(first.size() >= 2, "the test engine holds its test images");
        assertEquals(first.size(), inspects.get(), "the first read inspects each image once");

        inspects.set(0);
        Map<String, ImageInfo> second = new InventoryReader(counting).images(Map.of());
        assertEquals(0, inspects.get(), "the second read inspects none");
        assertEquals(first, second);
        for (ImageInfo image : second.values()) {
            List<String> engineSays = engine.docker().inspectImageCmd(image.id()).exec().getRootFS().getLayers();
            assertEquals(engineSays, image.layers(), image.tags() + "'s layers are the engine's");
        }
    }

    @Test
    void onlyAnImageIdsLayersAreKept() {
        ImageLayerCache.clear();
        ImageLayerCache.put("busybox:1.36", List.of("sha256:a"));
        ImageLayerCache.put("sha256:gone", List.of());
        assertTrue(ImageLayerCache.get("busybox:1.36").isEmpty(), "a name can point at another image tomorrow");
        assertTrue(ImageLayerCache.get("sha256:gone").isEmpty(), "an image the engine no longer had");
    }

    /** The real client, counting the image inspects made through it. */
    private static DockerClient countingImageInspects(DockerClient real, AtomicInteger inspects) {
        return (DockerClient) Proxy.newProxyInstance(DockerClient.class.getClassLoader(), new Class<?>[] {DockerClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("inspectImageCmd")) inspects.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
