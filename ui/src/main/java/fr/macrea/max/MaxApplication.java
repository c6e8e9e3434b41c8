package fr.macrea.max;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** M.A.X.: the Spring Boot application (platform services + Vaadin views). */
@SpringBootApplication
public class MaxApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaxApplication.class, args);
    }
}
