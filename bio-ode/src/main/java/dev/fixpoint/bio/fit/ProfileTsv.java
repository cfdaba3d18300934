package dev.fixpoint.bio.fit;

import java.nio.file.Path;
import java.util.List;

/** Writes profiles as TSV: one file of points, one of intervals. */
final class ProfileTsv {

    private ProfileTsv() {
    }

    static void write(List<Profile> profiles, List<String> names, Path pointsFile, Path intervalsFile) {
        int n = profiles.isEmpty() ? 0 : profiles.get(0).points().get(0).x().length;
        StringBuilder pts = new StringBuilder("parameter\tname\ttheta\tdelta\tstatus\tevaluations");
        for (int j = 0; j < n; j++) {
            pts.append('\t').append(name(names, j));
        }
        pts.append('\n');
        StringBuilder iv = new StringBuilder("parameter\tname\testimate\tlower\tupper\tlower_reached\tupper_reached"
                + "\tthreshold\tpoints\tevaluations\tseconds\n");
        for (Profile p : profiles) {
            String name = AtomicFile.cell(name(names, p.parameter()));
            for (ProfilePoint q : p.points()) {
                pts.append(p.parameter()).append('\t').append(name).append('\t').append(q.theta()).append('\t')
                        .append(q.delta()).append('\t').append(q.status()).append('\t').append(q.evaluations());
                for (double v : q.x()) {
                    pts.append('\t').append(v);
                }
                pts.append('\n');
            }
            iv.append(p.parameter()).append('\t').append(name).append('\t').append(p.estimate()).append('\t')
                    .append(p.lowerReached() ? Double.toString(p.lower()) : "open").append('\t')
                    .append(p.upperReached() ? Double.toString(p.upper()) : "open").append('\t')
                    .append(p.lowerReached()).append('\t').append(p.upperReached()).append('\t').append(p.threshold())
                    .append('\t').append(p.points().size()).append('\t').append(p.evaluations()).append('\t')
                    .append(p.seconds()).append('\n');
        }
        AtomicFile.write(pointsFile, pts);
        AtomicFile.write(intervalsFile, iv);
    }

    private static String name(List<String> names, int j) {
        return AtomicFile.cell(names != null && j < names.size() ? names.get(j) : "x_" + j);
    }
}
