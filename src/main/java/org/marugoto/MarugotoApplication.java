package org.marugoto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MarugotoApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarugotoApplication.class, args);
    }
}
