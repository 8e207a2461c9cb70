package dev.portolan.tour;

import dev.portolan.app.Durations;
import dev.portolan.lab.LabSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A tour read and checked: its steps, the lab it starts from, the folder its build steps
 * read from, and its names resolved against that lab.
 *
 * @param name   what `portolan tour ls` lists (a shipped tour's name, else the file's name)
 * @param folder  where the tour's own files are (build folders), absolute
 * @param file    the tour file itself
 * @param shipped whether it is a copy of a tour shipped with Portolan (saved elsewhere, not in place)
 */
public record Tour(String name, TourSpec spec, LabSpec lab, Path folder, Path file, boolean shipped) {

    /** How long a check may take to hold when its step does not say. */
    public static final Duration CHECK_WITHIN = Duration.ofSeconds(15);

    /** The same tour as shipped with Portolan, under its shipped name (read from its copy). */
    public Tour shippedAs(String newName) {
        return new Tour(newName, spec, lab, folder, file, true);
    }

    public List<TourSpec.Step> steps() {
        return spec.steps();
    }

    public TourNames names() {
        return new TourNames(lab, spec.steps());
    }

    /** How long a step's check may take to hold. */
    public static Duration within(TourSpec.Step step) {
        return step.within() == null ? CHECK_WITHIN : Durations.parse(step.within());
    }
}
