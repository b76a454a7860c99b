"""Challenge Lab: guess the hidden kernel from f and f ∗ h, graded by the output PSNR and the
spectral error; a teacher turns any kernel into a challenge link that does not give it away."""
