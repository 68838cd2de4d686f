package org.marugoto;

import org.marugoto.shared.db.DatabaseBackup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MarugotoApplication {

    /**
     * Starts Marugoto; {@code backup FILE} and {@code restore FILE} instead back up or restore the embedded database
     * (docs/operations.md) and exit.
     */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(DatabaseBackup.run(args));
        }
        SpringApplication.run(MarugotoApplication.class, args);
    }
}
