package fr.macrea.max.action;

/** An Auto write was asked without its second, explicit confirmation: nothing happened. */
public class ConfirmationRequiredException extends ActionRefusedException {

    public ConfirmationRequiredException() {
        super("En mode Auto, cette action demande une double confirmation : confirmez une seconde fois pour "
                + "l'exécuter. Rien n'a été exécuté ni débité.");
    }
}
